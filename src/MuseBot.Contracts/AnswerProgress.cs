namespace MuseBot.Contracts;

/// <summary>
/// Progress of the answer being worked on, for channels that can show it while a model works ("Searching the
/// note…"). A channel listens around its call to the answer engine; the engine reports fixed wording of its own
/// (never model text: only checked text reaches the user). Flows with the async call, so concurrent turns do not
/// see each other's progress. Without a listener, reporting does nothing.
/// </summary>
public static class AnswerProgress
{
    private static readonly AsyncLocal<Action<string>?> Listener = new();

    /// <summary>Sends this flow's progress to <paramref name="onStatus"/> until the returned handle is disposed.</summary>
    public static IDisposable Listen(Action<string> onStatus)
    {
        var previous = Listener.Value;
        Listener.Value = onStatus;
        return new Restore(previous);
    }

    /// <summary>Tells the listener, if any, what the engine is doing now. A failing listener never fails the answer.</summary>
    public static void Report(string status)
    {
        try
        {
            Listener.Value?.Invoke(status);
        }
        catch (Exception)
        {
            // progress is a courtesy
        }
    }

    private sealed class Restore(Action<string>? previous) : IDisposable
    {
        public void Dispose() => Listener.Value = previous;
    }
}
