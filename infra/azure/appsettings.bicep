// App settings merged, not replaced: what is already set on the app (read by main.bicep with list() before this
// module runs) is kept, and the template's own settings are laid over it. A setting added by hand in the portal
// survives a redeploy; a setting the template owns takes the template's value.

@description('The web app whose settings are merged.')
param webAppName string

@description('The app settings the app has now (list() of its config/appsettings).')
param currentAppSettings object

@description('The settings this template owns.')
param appSettings object

resource web 'Microsoft.Web/sites@2023-12-01' existing = {
  name: webAppName
}

resource settings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: web
  name: 'appsettings'
  properties: union(currentAppSettings, appSettings)
}
