namespace DyeRegistry.Application.Accounts;

/// <summary>What an account may do; each role may do everything the roles before it may
/// (docs/roles.md has the table per endpoint).</summary>
public enum Role
{
    /// <summary>Reads records, searches, matches, makes claim charts, reads the audit.</summary>
    Viewer = 0,

    /// <summary>Also registers and edits dyes, inks, media (records it created through the service).</summary>
    Chemist = 1,

    /// <summary>Also edits anyone's records, deletes, overrides duplicate checks with a recorded reason.</summary>
    Registrar = 2,

    /// <summary>Also manages accounts.</summary>
    Admin = 3,
}

/// <summary>Role names as users type them.</summary>
public static class Roles
{
    public static readonly string[] Names = ["viewer", "chemist", "registrar", "admin"];

    public static string Name(Role role) => Names[(int)role];

    public static Role Parse(string text) =>
        Array.IndexOf(Names, text.ToLowerInvariant()) is var i and >= 0 ? (Role)i
        : throw new ArgumentException($"role: unknown role '{text}' (viewer, chemist, registrar, admin)");
}
