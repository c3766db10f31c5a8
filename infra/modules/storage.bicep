// The one storage account of the pipeline: triggers, the host's own state, the Flex deployment package and the
// pipeline's containers, queues and tables. Shared keys are off, so nothing (app, azd, the user) can use an account
// key or a SAS: every caller authenticates with Microsoft Entra ID and an RBAC role.

@description('Storage account name (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

param tags object = {}

@description('Blob containers the pipeline reads and writes (StorageNames.Containers).')
param containerNames array

@description('Queues the pipeline and its triggers use, poison queues included (StorageNames.Queues).')
param queueNames array

@description('Tables the pipeline writes (StorageNames.Tables).')
param tableNames array

@description('Container the Flex Consumption platform deploys the app package from.')
param deploymentContainerName string

@description('When true, the data plane is reachable only through private endpoints (plus trusted Azure services).')
param vnetEnabled bool = false

@description('Public IPv4 addresses or CIDR ranges still allowed through the firewall when vnetEnabled (for example your own, to upload articles).')
param allowedIpAddresses array = []

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    dnsEndpointType: 'Standard'
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      // Event Grid and the Functions platform are trusted services: the bypass keeps the system topic and the
      // Flex deployment working when the firewall is closed.
      bypass: 'AzureServices'
      defaultAction: vnetEnabled ? 'Deny' : 'Allow'
      ipRules: [for ip in (vnetEnabled ? allowedIpAddresses : []): {
        action: 'Allow'
        value: ip
      }]
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' = {
  parent: storage
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = [for containerName in containerNames: {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}]

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2026-06-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-06-01' = [for queueName in queueNames: {
  parent: queueService
  name: queueName
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2026-06-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-06-01' = [for tableName in tableNames: {
  parent: tableService
  name: tableName
}]

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
