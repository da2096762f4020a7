namespace EUeConformance.Network.Simulation;

/// <summary>
/// The byte stream of one TCP end. Writes never block (the segments go on the link at once); a read
/// returns what has arrived, or waits until a segment or the peer's FIN arrives. That arrival is a
/// work item, so a waiting read resumes on the actor context. A synchronous read that would have to
/// wait is refused: blocking the one thread that runs the simulation would stop time itself.
/// </summary>
internal sealed class SimulatedStream(TcpEnd end) : Stream
{
    readonly Queue<byte[]> _inbound = new();
    int _headOffset;
    bool _ended, _disposed;
    PendingRead? _pending;

    sealed record PendingRead(Memory<byte> Buffer, TaskCompletionSource<int> Completion, CancellationTokenRegistration Registration);

    public override bool CanRead => !_disposed;
    public override bool CanWrite => !_disposed;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_inbound.Count == 0 && !_ended && buffer.Length > 0)
            throw new InvalidOperationException($"{end}: a synchronous read would block the simulation; use ReadAsync");
        return Take(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_pending is not null) throw new InvalidOperationException($"{end}: a read is already waiting");
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<int>(cancellationToken);
        if (_inbound.Count > 0 || _ended || buffer.Length == 0) return ValueTask.FromResult(Take(buffer.Span));
        // Completed inline by the arrival's work item, so the reader continues on the actor context.
        var completion = new TaskCompletionSource<int>();
        var registration = cancellationToken.Register(() =>
        {
            if (_pending?.Completion != completion) return;
            _pending = null;
            completion.TrySetCanceled(cancellationToken);
        });
        _pending = new PendingRead(buffer, completion, registration);
        return new ValueTask<int>(completion.Task);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        end.Send(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    internal void Enqueue(byte[] data)
    {
        if (_disposed || _ended) return;
        _inbound.Enqueue(data);
        CompletePending();
    }

    internal void EndOfStream()
    {
        _ended = true;
        CompletePending();
    }

    /// <summary>This end closed: what it had not read is gone, and a waiting read ends.</summary>
    internal void Discard()
    {
        _inbound.Clear();
        _headOffset = 0;
        _ended = true;
        CompletePending();
    }

    void CompletePending()
    {
        if (_pending is not { } pending) return;
        _pending = null;
        pending.Registration.Dispose();
        // State is settled before the reader resumes: its continuation may read or write again at once.
        int taken = Take(pending.Buffer.Span);
        ActorContext.Detached(() => pending.Completion.TrySetResult(taken));
    }

    int Take(Span<byte> buffer)
    {
        int copied = 0;
        while (copied < buffer.Length && _inbound.TryPeek(out var head))
        {
            int n = Math.Min(buffer.Length - copied, head.Length - _headOffset);
            head.AsSpan(_headOffset, n).CopyTo(buffer[copied..]);
            copied += n;
            _headOffset += n;
            if (_headOffset == head.Length) { _inbound.Dequeue(); _headOffset = 0; }
        }
        return copied;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            end.Close();
            _disposed = true;
        }
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
