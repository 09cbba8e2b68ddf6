/** Messages about the Microsoft Intune connection (options page and popup). */
export const intuneMessages = {};
