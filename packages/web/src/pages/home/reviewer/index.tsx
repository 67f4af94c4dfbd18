import { WelcomeCard } from '../components/WelcomeCard';

export function ReviewerHomePage() {
  return <WelcomeCard role="reviewer" />;
}
