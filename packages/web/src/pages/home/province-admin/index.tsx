import { WelcomeCard } from '../components/WelcomeCard';

export function ProvinceAdminHomePage() {
  return <WelcomeCard role="province_admin" />;
}
