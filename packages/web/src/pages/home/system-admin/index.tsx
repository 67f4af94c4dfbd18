import { WelcomeCard } from '../components/WelcomeCard';

export function SystemAdminHomePage() {
  return <WelcomeCard role="system_admin" />;
}
