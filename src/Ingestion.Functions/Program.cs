// The Functions app: everything it registers is in FunctionsAppBuilderExtensions, which the tests build too.
using Ingestion.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddIngestionFunctions();
await builder.Build().RunAsync();
