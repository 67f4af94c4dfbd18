import { WelcomeCard } from '../components/WelcomeCard';

export function LearnerHomePage() {
  return <WelcomeCard role="learner" />;
}
