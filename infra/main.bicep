// Ingestion pipeline on Azure: one resource group with a Flex Consumption function app (.NET 10 isolated), its
// storage account (keys disabled), a user-assigned identity with the roles it needs, Log Analytics + Application
// Insights (local auth disabled), the Event Grid system topic for blob events and, optionally, private networking.
// Deploy with `azd up` (see infra/README.md) or `az deployment sub create`.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and seeds a unique suffix for every resource.')
param environmentName string

@minLength(1)
@description('Azure region for every resource. Flex Consumption must be available there.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user or service principal, given data roles on the storage account; empty for none.')
param principalId string = ''

@description('Kind of principal principalId is.')
@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

@description('Deploy a VNet: the app reaches storage through private endpoints and the storage firewall denies other traffic.')
param vnetEnabled bool = false

@description('With vnetEnabled, public IPv4 addresses or CIDR ranges still allowed to reach storage (for example yours, to upload articles).')
param allowedIpAddresses array = []

@description('Memory per Flex Consumption instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Upper bound on Flex Consumption instances: bounds cost and the load on storage.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Largest article, in bytes, the clean stage accepts (app setting Ingestion__MaxArticleBytes); 0 keeps the app default.')
@minValue(0)
param maxArticleBytes int = 0

@description('Resource group name; default rg-<environmentName>.')
param resourceGroupName string = ''

@description('Function app name; default func-<unique suffix>.')
param functionAppName string = ''

@description('Storage account name; default st<unique suffix>.')
param storageAccountName string = ''

// Storage names: the same strings as src/Ingestion.Pipeline/Storage/StorageNames.cs (tests/Ingestion.Infra.Tests
// checks they agree).
var pipelineContainers = ['articles', 'articles-clean', 'articles-versions']
var pipelineQueues = ['articles-extract', 'articles-extract-poison', 'webjobs-blobtrigger-poison']
var pipelineTables = ['Articles', 'ArticleEntities', 'ArticleQuotes', 'EntityArticles', 'SpeakerQuotes', 'EntityRanking', 'ArticleIndexEntries', 'Stories', 'StoryBands', 'ArticleVersions']
var dropContainer = 'articles'

// Function names the postdeploy hook wires Event Grid to (src/Ingestion.Functions).
var blobTriggerFunctionName = 'CleanArticle'

// azd service name (azure.yaml): azd deploys to the app tagged with it.
var serviceName = 'functions'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var appName = empty(functionAppName) ? 'func-${resourceToken}' : functionAppName
var storageName = empty(storageAccountName) ? 'st${resourceToken}' : storageAccountName
// Container names are 3-63 characters.
var deploymentContainerName = 'app-package-${take(appName, 32)}-${take(resourceToken, 7)}'
// Names known before deployment: modules get these (not other modules' outputs) wherever a name identifies a
// resource, so What-If can predict them.
var identityName = 'id-${resourceToken}'
var applicationInsightsName = 'appi-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageName
    location: location
    tags: tags
    containerNames: pipelineContainers
    queueNames: pipelineQueues
    tableNames: pipelineTables
    deploymentContainerName: deploymentContainerName
    vnetEnabled: vnetEnabled
    allowedIpAddresses: allowedIpAddresses
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storageName
    applicationInsightsName: applicationInsightsName
    identityName: identityName
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
  dependsOn: [storage, monitoring]
}

module network 'modules/network.bicep' = if (vnetEnabled) {
  name: 'network'
  scope: rg
  params: {
    name: 'vnet-${resourceToken}'
    location: location
    tags: tags
    storageAccountId: storage.outputs.id
    storageAccountName: storageName
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    name: appName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: serviceName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: applicationInsightsName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    maxArticleBytes: maxArticleBytes
    virtualNetworkSubnetId: vnetEnabled ? network!.outputs.appSubnetId : ''
  }
  // The app starts (and its triggers connect) as soon as it exists: give it its roles (and App Insights) first.
  dependsOn: [rbac, monitoring]
}

module eventGrid 'modules/event-grid.bicep' = {
  name: 'event-grid'
  scope: rg
  params: {
    name: 'evgt-${resourceToken}'
    location: location
    tags: tags
    storageAccountId: storage.outputs.id
  }
}

// Read by azd (and written to .azure/<env>/.env), by the postdeploy hooks and by the README's commands.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_HOSTNAME string = functionApp.outputs.defaultHostName
output SERVICE_FUNCTIONS_ENDPOINT_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output EVENTGRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
output ARTICLES_DROP_CONTAINER string = dropContainer
output BLOB_TRIGGER_FUNCTION_NAME string = blobTriggerFunctionName
