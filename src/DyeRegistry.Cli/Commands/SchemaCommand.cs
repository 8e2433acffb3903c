using System.CommandLine;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Cli.Commands;

/// <summary><c>dyereg schema</c>: the record exchange format's JSON Schema, as the program carries
/// it (the same text as docs/schema/records.schema.json), for editors and other validators.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", "Print the JSON Schema (draft 2020-12) of the record exchange format: every kind, field, unit and range that import validates each record against.");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.Write(RecordSchema.Text);
            return ExitCodes.Success;
        });
        return command;
    }
}
