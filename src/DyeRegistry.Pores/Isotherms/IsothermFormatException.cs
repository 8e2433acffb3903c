namespace DyeRegistry.Pores.Isotherms;

/// <summary>An isotherm file cannot be used: the message names the file, the line or point, and what was expected.</summary>
public sealed class IsothermFormatException(string message) : Exception(message);
