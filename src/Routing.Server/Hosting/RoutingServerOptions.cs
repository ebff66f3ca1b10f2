using System.ComponentModel.DataAnnotations;

namespace Routing.Server.Hosting;

/// <summary>The server process: where gRPC listens, the silo's ports, the seed file (section "Routing:Server").</summary>
public sealed class RoutingServerOptions
{
    public const string Section = "Routing:Server";

    /// <summary>
    /// The gRPC endpoint (HTTP/2), e.g. http://127.0.0.1:50051 (port 0 picks a free port). An https endpoint serves
    /// TLS only, with <see cref="CertificatePath"/>; the server then listens on no plaintext port at all.
    /// </summary>
    [Required]
    public string GrpcEndpoint { get; set; } = "http://127.0.0.1:50051";

    /// <summary>The TLS certificate of an https <see cref="GrpcEndpoint"/>: a PKCS#12 (.pfx) file with its private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// The cluster's certificate (a .pfx with its private key) for TLS between silos: every silo of the cluster holds
    /// the same one, presents it and accepts only a peer presenting it (or one whose chain this machine trusts).
    /// Unset, silos talk plaintext: keep their ports on a private network.
    /// </summary>
    public string? SiloCertificatePath { get; set; }

    /// <summary>The password of <see cref="SiloCertificatePath"/>, if it has one.</summary>
    public string? SiloCertificatePassword { get; set; }

    /// <summary>
    /// Largest request message the server reads: a contact with its attributes is a few kilobytes, so anything near
    /// gRPC's 4 MB default is abuse; a larger one is refused with RESOURCE_EXHAUSTED before any work.
    /// </summary>
    [Range(16 * 1024, 4 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// The most a request's headers (metadata, the bearer token among them) may hold, in bytes, in all and in one
    /// field. Headers beyond it are refused by Kestrel's HTTP/2 layer, which resets the stream (INTERNAL at the
    /// client); Kestrel's 16 KB per field would do that to a merely long token, which is refused below this with a
    /// message (UNAUTHENTICATED, see InputLimits.MaxBearerTokenLength).
    /// </summary>
    [Range(32 * 1024, 1024 * 1024)]
    public int MaxRequestHeaderBytes { get; set; } = 128 * 1024;

    /// <summary>
    /// Most server streams (offers, a contact, statistics) one caller may hold open: the token's subject, or the
    /// remote address without authentication. A chat gateway watches one stream per waiting chat, hence the size.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxStreamsPerCaller { get; set; } = 10_000;

    /// <summary>
    /// Most unary calls (the desktops' aside) the server works on at once; one more is shed at once with
    /// RESOURCE_EXHAUSTED rather than queued until its deadline passes. The limit in force follows latency between
    /// <see cref="MinCallsInFlight"/> and this: see <see cref="CallLatencyTarget"/>.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxCallsInFlight { get; set; } = 256;

    /// <summary>The fewest calls in flight the latency-following limit comes down to.</summary>
    [Range(1, 100_000)]
    public int MinCallsInFlight { get; set; } = 8;

    /// <summary>
    /// The 90th-percentile latency admitted calls are held to at most: after every <see cref="CallLatencyWindow"/>
    /// calls, a window slower than this or than <see cref="CallSlowdownTolerance"/> shrinks the calls-in-flight limit
    /// in proportion, a window within both that saw calls shed grows the limit by a tenth. Past saturation, what is
    /// admitted keeps about the lower of the two latencies and the rest is shed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan CallLatencyTarget { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How many times its method's unloaded latency (the median of its last calls that began and ended with at most
    /// two unary calls, desktops' included, in flight) a call may take at the 90th percentile: the target that
    /// follows the machine, where <see cref="CallLatencyTarget"/> is absolute.
    /// </summary>
    [Range(1.5, 1000)]
    public double CallSlowdownTolerance { get; set; } = 10;

    /// <summary>How many completed calls make one window of the latency-following limit's measure.</summary>
    [Range(10, 100_000)]
    public int CallLatencyWindow { get; set; } = 50;

    /// <summary>
    /// Most unary calls of the agent desktops (the Agents service) the server works on at once, counted apart from
    /// <see cref="MaxCallsInFlight"/>: accepts and completions drain the line, so new routes must never shed them.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxDesktopCallsInFlight { get; set; } = 256;

    /// <summary>Most unary calls one caller (token subject, or remote address) has in flight at once.</summary>
    [Range(1, 100_000)]
    public int MaxCallsInFlightPerCaller { get; set; } = 128;

    /// <summary>Port silos talk to each other on.</summary>
    [Range(0, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(0, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address this silo gives the others in the membership table (PostgreSQL clustering); it listens there too.
    /// Loopback suits several silos on one machine; on a real cluster give the node's own address.
    /// </summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Silos with the same cluster id on one membership table form one cluster.</summary>
    [Required]
    public string ClusterId { get; set; } = "routing";

    [Required]
    public string ServiceId { get; set; } = "routing";

    /// <summary>The demo contact center loaded when the store is empty; empty disables seeding. Relative to the app's folder.</summary>
    public string SeedFile { get; set; } = "seeds/demo-center.json";

    /// <summary>
    /// Longest a server stream waits for a change before it refreshes time-dependent figures (estimates). Each wait is
    /// a grain call, so it must stay well under Orleans' response timeout (30 s by default).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:20")]
    public TimeSpan WatchRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Supervisor streams push at most this often (a change is pushed within this long).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan StatsMinInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The HTTP/1.1 endpoint of the supervisor page and the Prometheus scrape (<c>/metrics</c>), apart from the gRPC
    /// endpoint, which speaks HTTP/2 only; empty serves neither. Port 0 picks a free port.
    /// </summary>
    public string HttpEndpoint { get; set; } = "http://127.0.0.1:8080";

    /// <summary>
    /// Most agents the supervisor page lists (the first in the catalog): each update reads every listed agent, so a
    /// site with more agents watches them by queue in its own dashboards over WatchQueueStats.
    /// </summary>
    [Range(0, 10_000)]
    public int SupervisorPageMaxAgents { get; set; } = 500;

    /// <summary>How often the health service re-runs its checks for the streams watching it (grpc.health.v1 Watch).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest a health check waits for the store to commit its probe before it calls the store unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After another silo dies, how often this one tries to wake grains that failed to wake (see <see cref="SiloLossWatcher"/>).</summary>
    [Range(1, 100)]
    public int TakeOverAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan TakeOverRetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs the silo with Orleans' Kubernetes hosting: its name from POD_NAME, listening on every address, labelling its
    /// pod with orleans/serviceId and orleans/clusterId and watching the cluster's pods (see deploy/kubernetes). The
    /// membership stays in PostgreSQL; outside a pod the server refuses to start.
    /// </summary>
    public bool KubernetesHosting { get; set; }

    /// <summary>
    /// How long a stop (SIGTERM) may take: the gRPC endpoint drains, then the silo leaves the cluster gracefully and
    /// hands its grains over. Past it the host stops the silo ungracefully and the other silos detect it as dead,
    /// so a pod's terminationGracePeriodSeconds (or systemd's TimeoutStopSec) must be longer.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
