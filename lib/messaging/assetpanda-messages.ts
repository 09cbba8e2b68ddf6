/** Messages about the Asset Panda connection (options page). */
export const assetPandaMessages = {};
