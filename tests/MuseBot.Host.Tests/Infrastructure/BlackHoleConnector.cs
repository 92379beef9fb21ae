using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace MuseBot.Host.Tests.Infrastructure;

/// <summary>
/// A Bot Connector that accepts the connection and never answers: a TCP listener on 127.0.0.1 that reads whatever
/// is sent and writes nothing back, until disposed.
/// </summary>
public sealed class BlackHoleConnector : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    public BlackHoleConnector()
    {
        _listener.Start();
        ServiceUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = AcceptAsync();
    }

    public Uri ServiceUrl { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                _held.Add(client);
                _ = DrainAsync(client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task DrainAsync(TcpClient client)
    {
        var buffer = new byte[8192];
        try
        {
            var stream = client.GetStream();
            while (await stream.ReadAsync(buffer, _stop.Token) > 0) { }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _held) client.Dispose();
        _stop.Dispose();
    }
}
