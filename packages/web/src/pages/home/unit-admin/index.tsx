import { WelcomeCard } from '../components/WelcomeCard';

export function UnitAdminHomePage() {
  return <WelcomeCard role="unit_admin" />;
}
