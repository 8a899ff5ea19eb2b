import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Screen } from '../components';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Screen title={t('notFound.title')}>
      <Link to="/">{t('nav.overview')}</Link>
    </Screen>
  );
}
