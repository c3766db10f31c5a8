#!/usr/bin/env pwsh
# azd postdeploy hook (also runnable by hand after `func azure functionapp publish`): subscribes the clean function's
# Event Grid blob trigger to BlobCreated events of the drop container. Same steps as postdeploy.sh.
#
# Why here and not in Bicep: the webhook URL carries the app's blobs_extension system key, which the Functions host
# creates only once code with an Event Grid blob trigger has been deployed and started.
#
# Needs: az (logged in). Reads (azd sets them from the provision outputs; set them yourself otherwise):
#   AZURE_RESOURCE_GROUP, AZURE_FUNCTION_APP_NAME, EVENTGRID_SYSTEM_TOPIC_NAME
#   optional: AZURE_FUNCTION_APP_HOSTNAME, ARTICLES_DROP_CONTAINER (articles),
#             BLOB_TRIGGER_FUNCTION_NAME (CleanArticle), EVENTGRID_SUBSCRIPTION_NAME (clean-article-blob-created)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

function Fail([string] $message) {
    Write-Error "postdeploy: $message" -ErrorAction Continue
    exit 1
}

if (-not (Get-Command az -ErrorAction SilentlyContinue)) { Fail 'the Azure CLI (az) is required: https://aka.ms/azure-cli' }

$rg = $env:AZURE_RESOURCE_GROUP
$app = $env:AZURE_FUNCTION_APP_NAME
$topic = $env:EVENTGRID_SYSTEM_TOPIC_NAME
if (-not $rg) { Fail 'AZURE_RESOURCE_GROUP is not set' }
if (-not $app) { Fail 'AZURE_FUNCTION_APP_NAME is not set' }
if (-not $topic) { Fail 'EVENTGRID_SYSTEM_TOPIC_NAME is not set' }
$container = if ($env:ARTICLES_DROP_CONTAINER) { $env:ARTICLES_DROP_CONTAINER } else { 'articles' }
$functionName = if ($env:BLOB_TRIGGER_FUNCTION_NAME) { $env:BLOB_TRIGGER_FUNCTION_NAME } else { 'CleanArticle' }
$subscription = if ($env:EVENTGRID_SUBSCRIPTION_NAME) { $env:EVENTGRID_SUBSCRIPTION_NAME } else { 'clean-article-blob-created' }
$hostName = $env:AZURE_FUNCTION_APP_HOSTNAME
if (-not $hostName) {
    $hostName = az functionapp show --resource-group $rg --name $app --query defaultHostName --output tsv
    if ($LASTEXITCODE -ne 0 -or -not $hostName) { Fail "cannot read the host name of $app" }
}

# The key appears once the host has started with the deployed blob trigger: wait for it (about 5 minutes at most).
Write-Host "postdeploy: waiting for the blobs_extension system key of $app"
$key = $null
for ($attempt = 1; $attempt -le 30; $attempt++) {
    $key = az functionapp keys list --resource-group $rg --name $app --query 'systemKeys.blobs_extension' --output tsv 2>$null
    if ($LASTEXITCODE -eq 0 -and $key) { break }
    $key = $null
    Start-Sleep -Seconds 10
}
if (-not $key) { Fail "no blobs_extension key on ${app}: is a function with an Event Grid blob trigger deployed?" }

$webhook = "https://$hostName/runtime/webhooks/blobs?functionName=Host.Functions.$functionName"
$endpoint = "$webhook&code=$key"
# On Windows az is a .cmd script: cmd.exe would split the URL at '&' unless the argument carries its own quotes.
$onWindows = ($PSVersionTable.PSEdition -eq 'Desktop') -or $IsWindows
$endpointArgument = if ($onWindows) { '"' + $endpoint + '"' } else { $endpoint }
Write-Host "postdeploy: subscribing $webhook&code=*** to $topic"

# The trailing slash keeps articles-clean (which the clean stage writes to) out of the filter. Event Grid validates
# the webhook with a handshake the host answers; a cold app can time that out, so try a few times.
for ($attempt = 1; ; $attempt++) {
    az eventgrid system-topic event-subscription create `
        --name $subscription `
        --resource-group $rg `
        --system-topic-name $topic `
        --endpoint-type webhook `
        --endpoint $endpointArgument `
        --included-event-types Microsoft.Storage.BlobCreated `
        --subject-begins-with "/blobServices/default/containers/$container/" `
        --advanced-filter data.api StringIn PutBlob PutBlockList CopyBlob `
        --output none
    if ($LASTEXITCODE -eq 0) { break }
    if ($attempt -ge 5) { Fail "could not create the event subscription $subscription" }
    Write-Host "postdeploy: retrying in 20 s (attempt $($attempt + 1) of 5)"
    Start-Sleep -Seconds 20
}

Write-Host "postdeploy: BlobCreated in $container/ now triggers $functionName"
