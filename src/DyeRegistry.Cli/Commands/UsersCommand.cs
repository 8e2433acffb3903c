using System.CommandLine;
using DyeRegistry.Application.Accounts;

namespace DyeRegistry.Cli.Commands;

/// <summary><c>dyereg users add|list|revoke|passwd</c>: the accounts of dyereg serve, kept in the
/// registry. A token is printed once, when made; only its hash is stored.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var users = new Command("users", "Accounts of dyereg serve: add (prints an API token once), list, revoke, passwd.");
        users.Subcommands.Add(Add());
        users.Subcommands.Add(List());
        users.Subcommands.Add(Revoke());
        users.Subcommands.Add(Passwd());
        return users;
    }

    private static Command Add()
    {
        var name = new Argument<string>("NAME");
        var role = new Option<string>("--role") { Description = "viewer, chemist, registrar or admin.", Required = true };
        role.AcceptOnlyFromAmong(Roles.Names);
        var registry = RegistryOptions.Path();
        var command = new Command("add", "Add an account and print its API token (shown only this once).") { name, role, registry };
        command.SetAction(parse => Guard(parse, registry, accounts =>
        {
            var (account, token) = accounts.Add(parse.GetValue(name)!, Roles.Parse(parse.GetValue(role)!));
            parse.InvocationConfiguration.Output.WriteLine(token);
            parse.InvocationConfiguration.Error.WriteLine($"account {account.Name} ({account.Role}) added; the token above is shown only now (Authorization: Bearer TOKEN)");
        }));
        return command;
    }

    private static Command List()
    {
        var registry = RegistryOptions.Path();
        var command = new Command("list", "List the accounts: name, role, password set, state.") { registry };
        command.SetAction(parse => Guard(parse, registry, accounts =>
        {
            foreach (var a in accounts.List())
            {
                var state = a.RevokedUtc is { } r ? $"revoked {r:u}" : a.LockedUntilUtc is { } l && l > DateTimeOffset.UtcNow ? $"locked until {l:u}" : "active";
                parse.InvocationConfiguration.Output.WriteLine($"{a.Name}\t{a.Role}\t{(a.PasswordHash is null ? "no password" : "password")}\t{state}");
            }
        }));
        return command;
    }

    private static Command Revoke()
    {
        var name = new Argument<string>("NAME");
        var registry = RegistryOptions.Path();
        var command = new Command("revoke", "Revoke an account: its token and password stop working.") { name, registry };
        command.SetAction(parse => Guard(parse, registry, accounts =>
        {
            accounts.Revoke(parse.GetValue(name)!);
            parse.InvocationConfiguration.Output.WriteLine($"revoked {parse.GetValue(name)}");
        }));
        return command;
    }

    private static Command Passwd()
    {
        var name = new Argument<string>("NAME");
        var registry = RegistryOptions.Path();
        var command = new Command("passwd", "Set an account's password, read from the first line of standard input (at least 12 characters).") { name, registry };
        command.SetAction(parse => Guard(parse, registry, accounts =>
        {
            var password = Console.In.ReadLine() ?? throw new ArgumentException("password: none on standard input");
            accounts.SetPassword(parse.GetValue(name)!, password);
            parse.InvocationConfiguration.Output.WriteLine($"password set for {parse.GetValue(name)}");
        }));
        return command;
    }

    private static int Guard(ParseResult parse, Option<string> registry, Action<AccountService> action)
    {
        try
        {
            var path = parse.GetValue(registry)!;
            using (RegistryOptions.Open(path))
            {
                // the registry exists and is migrated before its accounts are touched
            }

            using var store = DyeRegistry.Storage.Stores.RegistryStores.OpenAccounts(path);
            action(new AccountService(store));
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is Storage.RegistryException or ArgumentException or IOException)
        {
            parse.InvocationConfiguration.Error.WriteLine($"dyereg users {parse.CommandResult.Command.Name}: {e.Message}");
            return ExitCodes.UsageOrInputError;
        }
    }
}
