import { WelcomeCard } from '../components/WelcomeCard';

export function HostAdminHomePage() {
  return <WelcomeCard role="host_admin" />;
}
