using System.CommandLine;
using DyeRegistry.Registry;
using DyeRegistry.Storage;

namespace DyeRegistry.Cli.Commands;

/// <summary><c>dyereg migrate --from SRC --to DST</c>: copies a whole registry between stores
/// (SQLite file, PostgreSQL) in either direction, into an empty registry.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "Registry to copy (file, PostgreSQL URL or connection string).", Required = true };
        var to = new Option<string>("--to") { Description = "Empty registry to copy into (created when a file; an existing database for PostgreSQL).", Required = true };
        var command = new Command("migrate", "Copy a whole registry (records, versions, history, dye structures, formula membership, computed values) into an empty one, in one transaction.") { from, to };
        command.SetAction(parse =>
        {
            try
            {
                using var source = RegistryOptions.OpenForReading(parse.GetValue(from)!);
                using var target = RegistryOptions.Open(parse.GetValue(to)!, create: true);
                var (records, history) = new RegistryCopier(source, target).Copy();
                parse.InvocationConfiguration.Error.WriteLine($"copied {records} records and {history} history entries from {source.Location} to {target.Location}");
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is RegistryException or ArgumentException or IOException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"dyereg migrate: {e.Message}");
                return ExitCodes.UsageOrInputError;
            }
        });
        return command;
    }
}
