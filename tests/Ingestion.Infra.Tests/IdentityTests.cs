using System.Text.RegularExpressions;

namespace Ingestion.Infra.Tests;

/// <summary>The app's user-assigned identity holds exactly the roles the host and the pipeline need.</summary>
public sealed partial class IdentityTests
{
    // Built-in role definition ids (Azure built-in roles reference: Storage and Monitor categories).
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private readonly CompiledTemplate.Module _rbac = CompiledTemplate.Get().ModuleNamed("rbac");

    [Fact]
    public void The_identity_gets_the_four_roles_on_the_right_scopes()
    {
        var assignments = _rbac.Resources("Microsoft.Authorization/roleAssignments")
            .Where(a => (string?)a["properties"]!["principalId"] == "[parameters('identityPrincipalId')]")
            .Select(a => (Role: RoleId(a), Scope: (string)a["scope"]!, Type: (string?)a["properties"]!["principalType"]))
            .ToList();

        Assert.Equal(
            new[] { StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor, MonitoringMetricsPublisher }.Order(),
            assignments.Select(a => a.Role).Order());
        Assert.All(assignments, a => Assert.Equal("ServicePrincipal", a.Type));
        Assert.All(
            assignments.Where(a => a.Role != MonitoringMetricsPublisher),
            a => Assert.Contains("Microsoft.Storage/storageAccounts", a.Scope, StringComparison.Ordinal));
        Assert.Contains(
            "Microsoft.Insights/components",
            assignments.Single(a => a.Role == MonitoringMetricsPublisher).Scope,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_identity_is_user_assigned_and_the_app_runs_as_it()
    {
        var app = CompiledTemplate.Get().ModuleNamed("function-app").Single("Microsoft.Web/sites");

        Assert.Equal("UserAssigned", (string?)app["identity"]!["type"]);
        Assert.Single(CompiledTemplate.Get().ModuleNamed("identity").Resources("Microsoft.ManagedIdentity/userAssignedIdentities"));
    }

    private string RoleId(System.Text.Json.Nodes.JsonObject assignment)
    {
        var expression = (string)assignment["properties"]!["roleDefinitionId"]!;
        var literal = Guid().Match(expression);
        if (literal.Success)
        {
            return literal.Value;
        }

        var reference = RoleVariable().Match(expression);
        Assert.True(reference.Success, $"unexpected roleDefinitionId {expression}");
        return (string)_rbac.Variable(reference.Groups["var"].Value)![reference.Groups["member"].Value]!;
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"variables\('(?<var>\w+)'\)\.(?<member>\w+)\)\]$")]
    private static partial Regex RoleVariable();
}
