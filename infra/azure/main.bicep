// MuseBot on Azure: an App Service (Linux, .NET 10) running src/MuseBot.Host, and an Azure Bot pointing at its
// /api/messages with the Microsoft Teams channel on. The Entra app registration (app id + client secret) is
// created beforehand (see infra/README.md) and passed in; the secret goes to the app's settings only.

@description('Base name for the resources (letters, digits, hyphens).')
@minLength(3)
@maxLength(40)
param name string = 'musebot'

@description('Region of the App Service.')
param location string = resourceGroup().location

@description('The bot\'s Microsoft App ID: the Entra app registration\'s client id.')
param microsoftAppId string

@description('The app registration\'s client secret.')
@secure()
param microsoftAppPassword string

@description('MultiTenant, or SingleTenant (then microsoftAppTenantId is required).')
@allowed([
  'MultiTenant'
  'SingleTenant'
])
param microsoftAppType string = 'SingleTenant'

@description('The Entra tenant of the app registration (required for SingleTenant).')
param microsoftAppTenantId string = tenant().tenantId

@description('App Service plan size. B1 is enough for one team; one instance (conversation state and the Slack queue are in SQLite under /home/data).')
param appServiceSku string = 'B1'

@description('Azure Bot pricing tier: F0 (free, standard channels) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

var suffix = uniqueString(resourceGroup().id, name)
var webAppName = '${name}-${suffix}'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan-${suffix}'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
        { name: 'MicrosoftAppType', value: microsoftAppType }
        { name: 'MicrosoftAppId', value: microsoftAppId }
        { name: 'MicrosoftAppPassword', value: microsoftAppPassword }
        { name: 'MicrosoftAppTenantId', value: microsoftAppType == 'SingleTenant' ? microsoftAppTenantId : '' }
        // The deployed package is read-only; the index is rebuilt from the shipped seeds into persistent /home.
        { name: 'MuseBot__IndexPath', value: '/home/data/musebot/index' }
        { name: 'MuseBot__DataPath', value: '/home/data/musebot/data' }
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
      ]
    }
  }
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
    description: 'Answers questions about the Meta Muse Spark research note, with citations.'
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: microsoftAppId
    msaAppType: microsoftAppType
    msaAppTenantId: microsoftAppType == 'SingleTenant' ? microsoftAppTenantId : null
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
output messagingEndpoint string = bot.properties.endpoint
output healthUrl string = 'https://${web.properties.defaultHostName}/healthz'
