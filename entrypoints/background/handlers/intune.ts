import type { intuneMessages } from '../../../lib/messaging/intune-messages';
import type { HandlersFor } from '../../../lib/messaging/router';
import type { BackgroundServices } from '../services';

export function intuneHandlers({ intune, policy }: BackgroundServices): HandlersFor<keyof typeof intuneMessages> {
  return {
    getIntuneConnection: (request) => intune.describe(request),
    async testAndSaveIntuneConnection(settings) {
      await policy.guardIntune(settings);
      return intune.testAndSave(settings);
    },
    signInToIntune: () => intune.signIn(),
    signOutOfIntune: () => intune.signOut(),
    signOutOfMicrosoft: () => intune.signOutOfMicrosoft(),
  };
}
