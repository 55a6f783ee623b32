/**
 * Catches a view's errors at its boundary so the rest of the screen keeps working; offers a retry.
 */
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  children: ReactNode;
  /** Shown instead of the default message, e.g. the first-paint map when WebGL fails. */
  fallback?: ReactNode;
}

interface State {
  error: Error | null;
}

function ErrorMessage({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="view-error">
      <p>{t('error.view', { message: error.message })}</p>
      <button type="button" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </div>
  );
}

/** Error boundary for one view. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (this.props.fallback !== undefined) return this.props.fallback;
    return <ErrorMessage error={error} onRetry={() => this.setState({ error: null })} />;
  }
}
