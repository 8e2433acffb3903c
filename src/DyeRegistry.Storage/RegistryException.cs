namespace DyeRegistry.Storage;

/// <summary>The registry cannot do what was asked: no such file or record, a schema newer than this
/// program, a record still referenced, a storage failure (disk full, file damaged, locked). The
/// message names the registry and says which and what to do.</summary>
public sealed class RegistryException(string message, Exception? inner = null) : Exception(message, inner);
