/** A file Microsoft publishes that the extract is cut from, and where the copy we cut from came from. */
export interface PublishedFile {
  /** The name it is published under first, then names a saved copy may carry. */
  names: readonly string[];
  title: string;
  /** Where Microsoft publishes it. */
  publishedAt: string;
  /** Copies already cut from, by sha256: where each was taken, and when. */
  knownCopies: Readonly<Record<string, string>>;
}

export const CSDL: PublishedFile = {
  names: ['v1.0-Prod.csdl'],
  title: "Microsoft Graph v1.0 metadata (CSDL), the service's own schema",
  publishedAt: 'https://github.com/microsoftgraph/msgraph-metadata/blob/master/schemas/v1.0-Prod.csdl',
  knownCopies: {
    a9d32d3611746c96043229a98867be064fb782c801b3405bce00c224ea3f6a03:
      'https://github.com/microsoftgraph/msgraph-metadata/blob/f54f11b60956ea7b185ca0447b2b80805836ec7b/schemas/v1.0-Prod.csdl (commit of 2026-08-20, schema publish 234518)',
  },
};

export const DEVICE_MANAGEMENT_OPENAPI: PublishedFile = {
  names: ['DeviceManagement.yml', 'DeviceManagement.v1.0.2023-07.yml'],
  title: "OpenAPI 3.0 document of Graph v1.0's DeviceManagement module, from the Microsoft Graph PowerShell SDK",
  publishedAt: 'https://github.com/microsoftgraph/msgraph-sdk-powershell, openApiDocs/v1.0/DeviceManagement.yml',
  knownCopies: {
    '2816ddadb1e1695034b19ec8f64311a42667050a2dd799cfc75a0802c0d2924b':
      'https://github.com/PlummyCat/msgraph-sdk-powershell/blob/8b8b027dfef5b7ce1b744f4b8258ef4ac93e63d0/openApiDocs/v1.0/DeviceManagement.yml (a fork of the SDK, commit of 2023-07-26)',
  },
};

const DOCS = 'https://github.com/microsoftgraph/microsoft-graph-docs-contrib/blob';

export const DOCS_SAMPLES: PublishedFile = {
  names: ['graph-manageddevice-docs-samples.json'],
  title:
    "The managedDevice samples of Microsoft's Graph v1.0 docs, as a JSON array: the resource page's JSON representation " +
    "(type names in place of values), value[0] of the list example's response, and the get example's device (the docs wrap it in {\"value\": …}, " +
    'which Graph does not; only that wrapper was dropped). Values unaltered, re-indented by two spaces',
  publishedAt: 'https://learn.microsoft.com/graph/api/resources/intune-devices-manageddevice?view=graph-rest-1.0',
  knownCopies: {
    bea2b341eb46eb640b7e82e948a60cc0c65628f38d8a07d7bfa8bf6033bf4dec: [
      `${DOCS}/00e146a92755a19260d07a735eee6e9df034f45f/api-reference/v1.0/resources/intune-devices-manageddevice.md`,
      `${DOCS}/7e0b409755f26cc492fb52ca59e4122083ce8f4b/api-reference/v1.0/api/intune-devices-manageddevice-list.md`,
      `${DOCS}/5f21b4bd611ab8be16c27880ac64e1bf62827dee/api-reference/v1.0/api/intune-devices-manageddevice-get.md`,
    ].join(', '),
  },
};
