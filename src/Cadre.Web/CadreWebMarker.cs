namespace Cadre.Web;

/// <summary>Anchor type for the web assembly (application part discovery, tests).</summary>
public sealed class CadreWebMarker;
