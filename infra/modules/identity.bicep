// The user-assigned identity the function app runs as. User-assigned (not system-assigned) so that its client id
// is known before the app exists: the app settings, the role assignments and the Flex deployment storage all need it.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
