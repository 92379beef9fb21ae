// MuseBot on Azure, everything a working bot needs, for several instances at once:
// - an App Service (Linux, .NET 10, `instanceCount` instances) running src/MuseBot.Host, with a system-assigned
//   managed identity; each instance builds its own Lucene index on its local disk (/tmp), never on the /home share;
// - a storage account shared by the instances (Storage:Provider=AzureStorage): conversation state (blobs), the Slack
//   work queue (queue), dedupe keys, sent answers, feedback and unanswered questions (tables). The identity holds
//   the Blob, Queue and Table Data Contributor roles; shared keys are off, so no key is in any setting;
// - a Key Vault holding the secrets (bot client secret, Slack signing secret and bot token, Azure OpenAI key), read
//   by the app through @Microsoft.KeyVault(...) references with the Key Vault Secrets User role;
// - optionally Azure OpenAI: an existing endpoint + deployment, or a new account and deployment, with the
//   Cognitive Services OpenAI User role for the identity (no key needed);
// - an Azure Bot (SingleTenant with an Entra app registration, or UserAssignedMSI with no secret at all) with the
//   Teams channel, pointing at the app's /api/messages.
// App settings are merged with what is already set on the app (appsettings.bicep), never replaced wholesale.
// The code is deployed by infra/azure/deploy.sh (publish, zip, `az webapp deploy`): see infra/README.md.

@description('Base name for the resources (lowercase letters, digits, hyphens).')
@minLength(3)
@maxLength(20)
param name string = 'musebot'

@description('Region of the App Service, storage account, Key Vault and Azure OpenAI account.')
param location string = resourceGroup().location

@description('How many instances run the bot (App Service scale-out). Two or more for zero-downtime deploys.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('App Service plan size. B1 runs up to 3 instances; P0v3 and up have more memory for the embeddings model.')
param appServiceSku string = 'P0v3'

@description('UserAssignedMSI: the bot signs in with a managed identity this template creates (no app registration, no secret). SingleTenant: an Entra app registration made beforehand (microsoftAppId + microsoftAppPassword).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botType string = 'UserAssignedMSI'

@description('SingleTenant only: the app registration\'s client id.')
param microsoftAppId string = ''

@description('SingleTenant only: the app registration\'s client secret (stored in Key Vault).')
@secure()
param microsoftAppPassword string = ''

@description('The Microsoft Entra tenant of the bot.')
param microsoftAppTenantId string = tenant().tenantId

@description('Azure Bot pricing tier: F0 (free, standard channels) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Slack app signing secret (Basic Information → App Credentials). Empty: Slack stays off.')
@secure()
param slackSigningSecret string = ''

@description('Slack bot token (xoxb-...). Empty: Slack stays off.')
@secure()
param slackBotToken string = ''

@description('Generative answers: none (extractive answers only), existing (give openAiEndpoint and openAiDeployment), or create (a new Azure OpenAI account and deployment).')
@allowed([
  'none'
  'existing'
  'create'
])
param openAiMode string = 'none'

@description('existing: the Azure OpenAI endpoint, e.g. https://my-openai.openai.azure.com/.')
param openAiEndpoint string = ''

@description('existing/create: the chat model deployment\'s name.')
param openAiDeployment string = 'gpt-4o-mini'

@description('existing: the Azure OpenAI account\'s name, when it is in this resource group, to grant the app\'s identity Cognitive Services OpenAI User on it. Empty: give openAiApiKey instead (or grant the role yourself).')
param openAiExistingAccountName string = ''

@description('existing: an API key, stored in Key Vault, when the identity cannot be granted the role.')
@secure()
param openAiApiKey string = ''

@description('create: the model and version to deploy.')
param openAiModelName string = 'gpt-4o-mini'
param openAiModelVersion string = '2024-07-18'

@description('create: tokens per minute, in thousands.')
@minValue(1)
param openAiCapacity int = 10

var suffix = uniqueString(resourceGroup().id, name)
var webAppName = '${name}-${suffix}'
// Storage accounts: 3-24 lowercase letters and digits. Key Vaults: 3-24 letters, digits and single hyphens.
var storageName = take(toLower('${replace(name, '-', '')}${suffix}'), 24)
var vaultName = 'kv${suffix}${take(toLower(replace(name, '-', '')), 9)}'
var slackOn = !empty(slackSigningSecret) && !empty(slackBotToken)
var singleTenant = botType == 'SingleTenant'

// Built-in role definition ids.
var roles = {
  blobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  openAiUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
}

resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (!singleTenant) {
  name: '${name}-bot-id-${suffix}'
  location: location
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan-${suffix}'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: singleTenant
    ? { type: 'SystemAssigned' }
    : {
        type: 'SystemAssigned, UserAssigned'
        userAssignedIdentities: { '${botIdentity.id}': {} }
      }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // No appSettings here: they would replace the whole list on every deployment (see appsettings.bicep).
    }
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // Entra ID only: the app signs in with its managed identity
    defaultToOAuthAuthentication: true
  }
}

// Conversation state not written for a week goes, whatever the app's own purge did.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-conversation-state'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: ['musebot-state/']
            }
            actions: {
              baseBlob: {
                delete: { daysAfterModificationGreaterThan: 7 }
              }
            }
          }
        }
      ]
    }
  }
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in [roles.blobDataContributor, roles.queueDataContributor, roles.tableDataContributor]: {
    name: guid(storage.id, web.id, role)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: web.identity.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    // A vault deleted with its resource group stays soft-deleted for 7 days and keeps its name: to deploy into a
    // new group of the same name sooner, purge it first (az keyvault purge -n <keyVaultName>).
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource vaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, web.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: web.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (singleTenant) {
  parent: vault
  name: 'MicrosoftAppPassword'
  properties: {
    value: microsoftAppPassword
  }
}

resource slackSigningSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (slackOn) {
  parent: vault
  name: 'SlackSigningSecret'
  properties: {
    value: slackSigningSecret
  }
}

resource slackBotTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (slackOn) {
  parent: vault
  name: 'SlackBotToken'
  properties: {
    value: slackBotToken
  }
}

var openAiKeyOn = openAiMode == 'existing' && !empty(openAiApiKey)

resource openAiKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (openAiKeyOn) {
  parent: vault
  name: 'AzureOpenAIApiKey'
  properties: {
    value: openAiApiKey
  }
}

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' = if (openAiMode == 'create') {
  name: '${name}-openai-${suffix}'
  location: location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: '${name}-openai-${suffix}'
    publicNetworkAccess: 'Enabled'
    disableLocalAuth: true // the app's identity only
  }
}

resource openAiModel 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = if (openAiMode == 'create') {
  parent: openAi
  name: openAiDeployment
  sku: {
    name: 'Standard'
    capacity: openAiCapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: openAiModelName
      version: openAiModelVersion
    }
  }
}

resource openAiRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (openAiMode == 'create') {
  name: guid(resourceGroup().id, '${name}-openai-${suffix}', web.id, roles.openAiUser)
  scope: openAi
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.openAiUser)
    principalId: web.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource existingOpenAi 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = if (openAiMode == 'existing' && !empty(openAiExistingAccountName)) {
  name: empty(openAiExistingAccountName) ? 'none' : openAiExistingAccountName
}

resource existingOpenAiRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (openAiMode == 'existing' && !empty(openAiExistingAccountName)) {
  name: guid(resourceGroup().id, openAiExistingAccountName, web.id, roles.openAiUser)
  scope: existingOpenAi
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.openAiUser)
    principalId: web.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

func keyVaultReference(secretUri string) string => '@Microsoft.KeyVault(SecretUri=${secretUri})'

var botSettings = singleTenant
  ? {
      MicrosoftAppType: 'SingleTenant'
      MicrosoftAppId: microsoftAppId
      MicrosoftAppPassword: keyVaultReference(botPasswordSecret!.properties.secretUri)
      MicrosoftAppTenantId: microsoftAppTenantId
    }
  : {
      MicrosoftAppType: 'UserAssignedMSI'
      MicrosoftAppId: botIdentity!.properties.clientId
      MicrosoftAppPassword: ''
      MicrosoftAppTenantId: botIdentity!.properties.tenantId
    }

var slackSettings = slackOn
  ? {
      Slack__SigningSecret: keyVaultReference(slackSigningSecretSecret!.properties.secretUri)
      Slack__BotToken: keyVaultReference(slackBotTokenSecret!.properties.secretUri)
    }
  : {}

var openAiSettings = openAiMode == 'create'
  ? {
      AzureOpenAI__Endpoint: openAi!.properties.endpoint
      AzureOpenAI__Deployment: openAiDeployment
    }
  : openAiMode == 'existing'
      ? union(
          {
            AzureOpenAI__Endpoint: openAiEndpoint
            AzureOpenAI__Deployment: openAiDeployment
          },
          openAiKeyOn ? { AzureOpenAI__ApiKey: keyVaultReference(openAiKeySecret!.properties.secretUri) } : {}
        )
      : {}

// The settings this template owns; any other setting on the app (added by hand or by another tool) is kept.
var templateSettings = union(
  {
    ASPNETCORE_ENVIRONMENT: 'Production'
    WEBSITE_RUN_FROM_PACKAGE: '1'
    // Shared by every instance, signed in with the system-assigned identity: no key anywhere.
    Storage__Provider: 'AzureStorage'
    Storage__AccountName: storage.name
    Storage__EndpointSuffix: environment().suffixes.storage
    // Local to each instance (not the /home share): each one builds its own index from the shipped seeds at start.
    MuseBot__IndexPath: '/tmp/musebot/index'
    MuseBot__DataPath: '/tmp/musebot/data'
  },
  botSettings,
  slackSettings,
  openAiSettings
)

module appSettings 'appsettings.bicep' = {
  name: '${deployment().name}-appsettings'
  params: {
    webAppName: web.name
    currentAppSettings: list('${web.id}/config/appsettings', '2023-12-01').properties
    appSettings: templateSettings
  }
  dependsOn: [
    storageRoles
    vaultRole
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'MuseBot'
    description: 'Answers questions about a research note, with citations.'
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppType: botType
    msaAppId: singleTenant ? microsoftAppId : botIdentity!.properties.clientId
    msaAppTenantId: singleTenant ? microsoftAppTenantId : botIdentity!.properties.tenantId
    msaAppMSIResourceId: singleTenant ? null : botIdentity.id
    disableLocalAuth: false
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

output webAppName string = web.name
output botName string = bot.name
output botAppId string = singleTenant ? microsoftAppId : botIdentity!.properties.clientId
output storageAccountName string = storage.name
output keyVaultName string = vault.name
output messagingEndpoint string = bot.properties.endpoint
output healthUrl string = 'https://${web.properties.defaultHostName}/healthz'
output slackEventsUrl string = 'https://${web.properties.defaultHostName}/api/slack/events'
