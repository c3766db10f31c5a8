#!/usr/bin/env bash
# azd postdeploy hook (also runnable by hand after `func azure functionapp publish`): subscribes the clean function's
# Event Grid blob trigger to BlobCreated events of the drop container.
#
# Why here and not in Bicep: the webhook URL carries the app's blobs_extension system key, which the Functions host
# creates only once code with an Event Grid blob trigger has been deployed and started.
#
# Needs: az (logged in). Reads (azd exports them from the provision outputs; export them yourself otherwise):
#   AZURE_RESOURCE_GROUP, AZURE_FUNCTION_APP_NAME, EVENTGRID_SYSTEM_TOPIC_NAME
#   optional: AZURE_FUNCTION_APP_HOSTNAME, ARTICLES_DROP_CONTAINER (articles),
#             BLOB_TRIGGER_FUNCTION_NAME (CleanArticle), EVENTGRID_SUBSCRIPTION_NAME (clean-article-blob-created)
# Written in POSIX sh so it runs under bash or sh alike.
set -eu

fail() { echo "postdeploy: $*" >&2; exit 1; }

command -v az >/dev/null 2>&1 || fail "the Azure CLI (az) is required: https://aka.ms/azure-cli"

rg="${AZURE_RESOURCE_GROUP:-}"
app="${AZURE_FUNCTION_APP_NAME:-}"
topic="${EVENTGRID_SYSTEM_TOPIC_NAME:-}"
[ -n "$rg" ] || fail "AZURE_RESOURCE_GROUP is not set"
[ -n "$app" ] || fail "AZURE_FUNCTION_APP_NAME is not set"
[ -n "$topic" ] || fail "EVENTGRID_SYSTEM_TOPIC_NAME is not set"
container="${ARTICLES_DROP_CONTAINER:-articles}"
function_name="${BLOB_TRIGGER_FUNCTION_NAME:-CleanArticle}"
subscription="${EVENTGRID_SUBSCRIPTION_NAME:-clean-article-blob-created}"
host="${AZURE_FUNCTION_APP_HOSTNAME:-}"
if [ -z "$host" ]; then
  host="$(az functionapp show --resource-group "$rg" --name "$app" --query defaultHostName --output tsv)"
fi

# The key appears once the host has started with the deployed blob trigger: wait for it (about 5 minutes at most).
echo "postdeploy: waiting for the blobs_extension system key of $app"
key=""
attempt=1
while [ "$attempt" -le 30 ]; do
  key="$(az functionapp keys list --resource-group "$rg" --name "$app" \
    --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true)"
  [ -n "$key" ] && break
  sleep 10
  attempt=$((attempt + 1))
done
[ -n "$key" ] || fail "no blobs_extension key on $app: is a function with an Event Grid blob trigger deployed?"

endpoint="https://$host/runtime/webhooks/blobs?functionName=Host.Functions.$function_name&code=$key"
echo "postdeploy: subscribing https://$host/runtime/webhooks/blobs?functionName=Host.Functions.$function_name&code=*** to $topic"

# The trailing slash keeps articles-clean (which the clean stage writes to) out of the filter. Event Grid validates
# the webhook with a handshake the host answers; a cold app can time that out, so try a few times.
attempt=1
until az eventgrid system-topic event-subscription create \
    --name "$subscription" \
    --resource-group "$rg" \
    --system-topic-name "$topic" \
    --endpoint-type webhook \
    --endpoint "$endpoint" \
    --included-event-types Microsoft.Storage.BlobCreated \
    --subject-begins-with "/blobServices/default/containers/$container/" \
    --advanced-filter data.api StringIn PutBlob PutBlockList CopyBlob \
    --output none; do
  [ "$attempt" -lt 5 ] || fail "could not create the event subscription $subscription"
  attempt=$((attempt + 1))
  echo "postdeploy: retrying in 20 s (attempt $attempt of 5)"
  sleep 20
done

echo "postdeploy: BlobCreated in $container/ now triggers $function_name"
