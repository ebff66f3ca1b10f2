namespace Routing.EstimatorBench;

/// <summary>
/// The Monte-Carlo floor: the expected wait of a contact given the whole state of the center when it arrives,
/// estimated by replaying the future many times from a snapshot. Handle times, patience and arrivals are
/// memoryless, so each replay draws fresh exponential remaining handle times and patiences and fresh Poisson
/// arrivals, and runs as a continuous-time Markov chain: the next event is an arrival, a completion (a uniformly
/// chosen busy agent) or an abandonment (a uniformly chosen waiting contact), with probabilities in proportion to
/// their rates. The routing policy is the main simulation's, with Routing.Core's defaults (default priority, no
/// aging in reach): an arrival goes to the longest-idle free eligible agent on shift; an agent freeing on shift
/// takes the oldest waiting contact among the lines it serves (each line first come first served; between lines
/// the longer wait first, then line id). The scored contact is infinitely patient, as queue length with
/// abandonment assumes, and the replay ends when it is answered. Contacts behind it on its line never matter
/// (they are answered after it), so its line's future arrivals are not drawn.
/// </summary>
public sealed class FutureReplay
{
    /// <summary>A replay that has not answered the scored contact after this many events is a bug, not a long wait.</summary>
    private const int MaxEvents = 10_000_000;

    private readonly int agentCount;
    private readonly int lineCount;
    private readonly int[] agentLines;
    private readonly double serviceRate;
    private readonly double abandonmentRate;

    // The snapshot, filled by the simulation.
    private readonly bool[] busy;
    private readonly bool[] onShift;
    private readonly double[] idleSince;
    private readonly double[] arrivalRate;
    private readonly double[][] queues;
    private readonly int[] queueLengths;

    // One replay's working state.
    private readonly bool[] workBusy;
    private readonly double[] workIdleSince;
    private readonly int[] busyList;
    private readonly int[] busyPlace;
    private readonly double[][] workQueues;
    private readonly int[] workStart;
    private readonly int[] workLength;

    /// <param name="agentLines">Per agent, in the order ties are broken (agent id), the lines it serves as a bit mask
    /// over line indices (line id order).</param>
    /// <param name="serviceRate">Per agent: 1 / mean handle time.</param>
    /// <param name="abandonmentRate">Per waiting contact: 1 / mean patience.</param>
    public FutureReplay(IReadOnlyList<int> agentLines, int lineCount, double serviceRate, double abandonmentRate)
    {
        ArgumentNullException.ThrowIfNull(agentLines);
        agentCount = agentLines.Count;
        this.lineCount = lineCount;
        this.agentLines = [.. agentLines];
        this.serviceRate = serviceRate;
        this.abandonmentRate = abandonmentRate;
        busy = new bool[agentCount];
        onShift = new bool[agentCount];
        idleSince = new double[agentCount];
        arrivalRate = new double[lineCount];
        queues = new double[lineCount][];
        queueLengths = new int[lineCount];
        workBusy = new bool[agentCount];
        workIdleSince = new double[agentCount];
        busyList = new int[agentCount];
        busyPlace = new int[agentCount];
        workQueues = new double[lineCount][];
        workStart = new int[lineCount];
        workLength = new int[lineCount];
        for (var line = 0; line < lineCount; line++)
        {
            queues[line] = new double[16];
            workQueues[line] = new double[16];
        }
    }

    public void SetAgent(int agent, bool isBusy, bool isOnShift, double idleSinceSeconds)
    {
        busy[agent] = isBusy;
        onShift[agent] = isOnShift;
        idleSince[agent] = idleSinceSeconds;
    }

    public void SetArrivalRate(int line, double perSecond) => arrivalRate[line] = perSecond;

    public void ClearQueues() => Array.Clear(queueLengths);

    /// <summary>Appends a waiting contact to its line's snapshot, in service order.</summary>
    public void Enqueue(int line, double arrivedAt)
    {
        if (queueLengths[line] == queues[line].Length)
        {
            Array.Resize(ref queues[line], queues[line].Length * 2);
        }

        queues[line][queueLengths[line]++] = arrivedAt;
    }

    /// <summary>
    /// Replays the future <paramref name="replays"/> times for a contact that arrives at <paramref name="now"/> on
    /// <paramref name="scoredLine"/>, behind the contacts of the snapshot (it is not part of it).
    /// </summary>
    /// <returns>The mean answer time and the replays' sample variance.</returns>
    public (double Mean, double Variance) Replay(FastRandom random, int replays, int scoredLine, double now)
    {
        ArgumentNullException.ThrowIfNull(random);
        double sum = 0, sumSquares = 0;
        for (var i = 0; i < replays; i++)
        {
            var wait = ReplayOnce(random, scoredLine, now) - now;
            sum += wait;
            sumSquares += wait * wait;
        }

        var mean = sum / replays;
        var variance = replays > 1 ? Math.Max(0, (sumSquares - (replays * mean * mean)) / (replays - 1)) : 0;
        return (mean, variance);
    }

    private double ReplayOnce(FastRandom random, int scoredLine, double now)
    {
        var busyCount = Reset(scoredLine, now);
        var arrivals = 0.0;
        for (var line = 0; line < lineCount; line++)
        {
            arrivals += line == scoredLine ? 0 : arrivalRate[line];
        }

        var t = now;
        for (var events = 0; events < MaxEvents; events++)
        {
            // Every waiting contact may give up except the scored one, last of its line.
            var waiting = -1;
            for (var line = 0; line < lineCount; line++)
            {
                waiting += workLength[line];
            }

            var completions = busyCount * serviceRate;
            var total = arrivals + completions + (waiting * abandonmentRate);
            if (total <= 0)
            {
                break;
            }

            t += random.Exponential(total);
            var pick = random.NextDouble() * total;

            // The guards on the counts keep a pick rounded onto an empty kind of event on a possible one.
            if (pick < arrivals || (busyCount == 0 && waiting == 0))
            {
                busyCount = Arrive(ArrivingLine(pick, scoredLine), t, busyCount);
            }
            else if (busyCount > 0 && (pick < arrivals + completions || waiting == 0))
            {
                var agent = busyList[random.Next(busyCount)];
                busyCount = Free(agent, busyCount);
                workIdleSince[agent] = t;
                if (onShift[agent] && OldestFor(agent) is var line and >= 0)
                {
                    if (line == scoredLine && workLength[line] == 1)
                    {
                        return t;
                    }

                    workStart[line]++;
                    workLength[line]--;
                    busyCount = Occupy(agent, busyCount);
                }
            }
            else
            {
                Abandon(random.Next(waiting), scoredLine);
            }
        }

        throw new InvalidOperationException("a replay did not answer the scored contact: no agent can serve its line");
    }

    private int Reset(int scoredLine, double now)
    {
        var busyCount = 0;
        for (var agent = 0; agent < agentCount; agent++)
        {
            workBusy[agent] = busy[agent];
            workIdleSince[agent] = idleSince[agent];
            if (busy[agent])
            {
                busyPlace[agent] = busyCount;
                busyList[busyCount++] = agent;
            }
        }

        for (var line = 0; line < lineCount; line++)
        {
            var length = queueLengths[line] + (line == scoredLine ? 1 : 0);
            if (workQueues[line].Length < length)
            {
                workQueues[line] = new double[Math.Max(length, workQueues[line].Length * 2)];
            }

            Array.Copy(queues[line], workQueues[line], queueLengths[line]);
            if (line == scoredLine)
            {
                workQueues[line][length - 1] = now;
            }

            workStart[line] = 0;
            workLength[line] = length;
        }

        return busyCount;
    }

    private int ArrivingLine(double pick, int scoredLine)
    {
        var last = -1;
        for (var line = 0; line < lineCount; line++)
        {
            if (line == scoredLine || arrivalRate[line] <= 0)
            {
                continue;
            }

            if (pick < arrivalRate[line])
            {
                return line;
            }

            pick -= arrivalRate[line];
            last = line;
        }

        // Rounding at the top of the range.
        return last;
    }

    // Longest idle free agent on shift who serves the line, ties to the lower index; else the contact waits.
    private int Arrive(int line, double t, int busyCount)
    {
        var bit = 1 << line;
        var chosen = -1;
        for (var agent = 0; agent < agentCount; agent++)
        {
            if ((agentLines[agent] & bit) != 0 && !workBusy[agent] && onShift[agent]
                && (chosen < 0 || workIdleSince[agent] < workIdleSince[chosen]))
            {
                chosen = agent;
            }
        }

        if (chosen >= 0)
        {
            return Occupy(chosen, busyCount);
        }

        var queue = workQueues[line];
        var end = workStart[line] + workLength[line];
        if (end == queue.Length)
        {
            // Compact to the front, growing only if the line really is longer.
            var grown = workLength[line] * 2 > queue.Length ? new double[queue.Length * 2] : queue;
            Array.Copy(queue, workStart[line], grown, 0, workLength[line]);
            workQueues[line] = queue = grown;
            workStart[line] = 0;
            end = workLength[line];
        }

        queue[end] = t;
        workLength[line]++;
        return busyCount;
    }

    // The line whose head has waited longest among those the agent serves; -1 when none has anyone waiting.
    private int OldestFor(int agent)
    {
        var chosen = -1;
        for (var line = 0; line < lineCount; line++)
        {
            if ((agentLines[agent] & (1 << line)) != 0 && workLength[line] > 0
                && (chosen < 0 || workQueues[line][workStart[line]] < workQueues[chosen][workStart[chosen]]))
            {
                chosen = line;
            }
        }

        return chosen;
    }

    private void Abandon(int which, int scoredLine)
    {
        for (var line = 0; line < lineCount; line++)
        {
            var abandonable = workLength[line] - (line == scoredLine ? 1 : 0);
            if (which < abandonable)
            {
                var at = workStart[line] + which;
                Array.Copy(workQueues[line], at + 1, workQueues[line], at, workLength[line] - which - 1);
                workLength[line]--;
                return;
            }

            which -= abandonable;
        }
    }

    private int Occupy(int agent, int busyCount)
    {
        workBusy[agent] = true;
        busyPlace[agent] = busyCount;
        busyList[busyCount] = agent;
        return busyCount + 1;
    }

    private int Free(int agent, int busyCount)
    {
        workBusy[agent] = false;
        var place = busyPlace[agent];
        var last = busyList[busyCount - 1];
        busyList[place] = last;
        busyPlace[last] = place;
        return busyCount - 1;
    }
}
