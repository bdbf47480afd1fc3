using System.Collections.Concurrent;

namespace Cadre.Web;

/// <summary>
/// The background work this instance is doing (extract re-codes, planning computations), run off the request. Each
/// piece is also claimed in the database (<see cref="WorkClaims"/>), so other instances can show its progress and take it
/// up if this one stops. When the instance is stopped in an orderly way (Ctrl+C, `systemctl stop`, a deployment), the
/// work is cancelled and handed back at once, so another instance finishes it without waiting out the lease.
/// </summary>
public sealed class BackgroundWork(ILogger<BackgroundWork> log) : IHostedService
{
    private readonly ConcurrentDictionary<Guid, Task> _running = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Starts <paramref name="work"/>; if this instance stops before it finishes, <paramref name="release"/> hands it back.</summary>
    public void Start(Guid id, string what, Func<CancellationToken, Task> work, Func<Task> release)
    {
        var started = new TaskCompletionSource();
        _running[id] = Task.Run(async () =>
        {
            await started.Task;
            try
            {
                await work(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                try
                {
                    await release();
                    log.LogWarning("Stopping: {What} handed back for another instance to finish", what);
                }
                catch (Exception e)
                {
                    // Not handed back: another instance takes it up when its lease runs out instead.
                    log.LogWarning("Stopping: {What} could not be handed back ({Reason}); another instance takes it up in {Lease} s",
                        what, e.Message, WorkClaims.Lease.TotalSeconds);
                }
            }
            catch (Exception e)
            {
                log.LogError(e, "{What} failed", what);
            }
            finally
            {
                _running.TryRemove(id, out _);
            }
        });
        started.SetResult(); // only once it is in the list, so it cannot remove itself first
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try { await Task.WhenAll(_running.Values).WaitAsync(cancellationToken); }
        catch (OperationCanceledException) { } // the host's patience ran out; the leases cover what was not handed back
    }
}

public static class BackgroundWorkSetup
{
    public static IServiceCollection AddCadreBackgroundWork(this IServiceCollection services)
    {
        services.AddSingleton<BackgroundWork>();
        services.AddHostedService(provider => provider.GetRequiredService<BackgroundWork>());
        return services;
    }
}
