// The Event Grid system topic that publishes the storage account's blob events. Flex Consumption supports only the
// Event Grid source for blob triggers. The subscription that routes BlobCreated in the drop container to the clean
// function is made after code deployment by infra/hooks/postdeploy.*: it needs the blobs_extension system key, which
// exists only once the app's blob trigger has been deployed.

@description('System topic name.')
param name string

@description('Azure region (must be the storage account\'s).')
param location string

param tags object = {}

@description('Resource id of the storage account whose events the topic publishes.')
param storageAccountId string

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = topic.name
