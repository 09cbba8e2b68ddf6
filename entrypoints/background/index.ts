import { defineBackground } from '#imports';
import { serveMessages } from '../../lib/browser/messaging';
import { openDatabase } from '../../lib/db/open';
import { createHandlers } from './handlers/index';

export default defineBackground(() => {
  // main() cannot be async: services receive the database promise and await it when they need it.
  const database = openDatabase();
  serveMessages(createHandlers({ database }));
});
