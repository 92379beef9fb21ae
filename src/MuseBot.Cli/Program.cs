using System.Text;
using MuseBot.Cli;

// UTF-8 both ways, whatever the locale: answers quote the note's typography and users type emoji.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
try { Console.InputEncoding = new UTF8Encoding(false); } catch (PlatformNotSupportedException) { /* keep the default */ }

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
return await CliApp.RunAsync(args, Console.In, Console.Out, Console.Error, interactive: !Console.IsInputRedirected, cancellationToken: cancel.Token);
