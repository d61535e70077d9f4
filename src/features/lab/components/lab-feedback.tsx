import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { errorMessage } from '@/lib/api-client';

type FeedbackState = { intent: 'success' | 'error'; text: string } | null;

/** What the last action of a section did, shown under it until dismissed or the next action. */
export function useFeedback() {
  const [feedback, setFeedback] = useState<FeedbackState>(null);
  return {
    feedback,
    ok: (text: string) => setFeedback({ intent: 'success', text }),
    fail: (error: unknown) => setFeedback({ intent: 'error', text: errorMessage(error) }),
    clear: () => setFeedback(null),
  };
}

export function Feedback({ feedback, onDismiss }: { feedback: FeedbackState; onDismiss: () => void }) {
  if (!feedback) return null;
  return (
    <MessageBar intent={feedback.intent} role={feedback.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{feedback.text}</MessageBarBody>
      <Button
        appearance="transparent"
        size="small"
        icon={<DismissRegular />}
        aria-label="Dismiss"
        onClick={onDismiss}
      />
    </MessageBar>
  );
}
