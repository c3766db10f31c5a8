namespace Ingestion.Pipeline.Api;

/// <summary>The body of <c>GET /api/health</c> (readiness); 503 with the same body when a storage service is unreachable.</summary>
public sealed record PipelineHealth(string Status, string Version, StorageHealth Storage, QueueDepths Queues);

public sealed record StorageHealth(ServiceHealth Blob, ServiceHealth Queue, ServiceHealth Table);

public sealed record ServiceHealth(bool Reachable, string? Error);

/// <summary>The body of <c>GET /api/health/live</c>: the process answers (no storage call).</summary>
public sealed record PipelineLiveness(string Status, string Version);

/// <summary>Approximate message counts; null when the queue could not be read.</summary>
public sealed record QueueDepths(int? Extract, int? ExtractPoison, int? BlobTriggerPoison);

/// <summary>The body of <c>POST /api/articles/{id}/reprocess</c> (202): what the clean stage did, and the status now.</summary>
public sealed record ReprocessResult(string Id, string Name, string Outcome, string? Status);
