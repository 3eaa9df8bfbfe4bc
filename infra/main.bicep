// Programme Desk on Azure: the functions on a Flex Consumption Function App (Node 20), its storage,
// Application Insights, and the task pane on an Azure Static Web App. `azd up` deploys it
// (see azure.yaml and docs/deploy.md); `az deployment sub create -f infra/main.bicep` works too.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('Name of the azd environment; names the resource group and the resources.')
param environmentName string

@description('Region of the Function App, its storage and monitoring.')
param location string

@description('Region of the Static Web App (it is offered in fewer regions).')
@allowed([
  'westeurope'
  'centralus'
  'eastus2'
  'westus2'
  'eastasia'
])
param staticWebAppLocation string = 'westeurope'

@description('Origins besides the Static Web App that may call the API from a browser, e.g. a custom domain of the pane: https://desk.example.org. Never "*".')
param extraPaneOrigins array = []

@description('Most instances the platform may scale the functions out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance (MB): 2048 or 4096 on Flex Consumption.')
@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

var tags = { 'azd-env-name': environmentName, app: 'programme-desk' }

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  name: 'programme-desk-resources'
  scope: group
  params: {
    environmentName: environmentName
    location: location
    staticWebAppLocation: staticWebAppLocation
    extraPaneOrigins: extraPaneOrigins
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    tags: tags
  }
}

// Read by azd (as environment values) and by docs/deploy.md's steps.
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_LOCATION string = location
output API_URL string = resources.outputs.apiUrl
output FUNCTION_APP_NAME string = resources.outputs.functionAppName
output PANE_URL string = resources.outputs.paneUrl
output STATIC_WEB_APP_NAME string = resources.outputs.staticWebAppName
output APPLICATIONINSIGHTS_NAME string = resources.outputs.applicationInsightsName
