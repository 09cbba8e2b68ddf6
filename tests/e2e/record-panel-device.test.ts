import { describe, expect, test } from './fixtures.ts';
import { linkedRecord } from './linked-records.ts';
import { expectDeviceShown, panelIn } from './panel.ts';
import { connectAndMap } from './panel-setup.ts';

describe('the record panel with Intune and Asset Panda connected', () => {
  test("shows the record's Intune device, live", async ({ browser, sandbox }) => {
    await connectAndMap(browser, sandbox);
    const record = linkedRecord(sandbox.world, (d) => d.operatingSystem === 'macOS');

    const page = await browser.open(record.url);

    await expectDeviceShown(page, record.device.deviceName ?? '');
    const panel = panelIn(page, 'device');
    await expect(panel.locator('[data-fact="OS"] dd').textContent()).resolves.toBe(`macOS ${record.device.osVersion}`);
    await expect(panel.getByRole('link', { name: 'Open in Intune' }).getAttribute('href')).resolves.toContain(`/mdmDeviceId/${record.device.id}`);
  });
});
