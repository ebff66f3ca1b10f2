using System.Net;
using System.Net.Http.Headers;
using Routing.Server.Security;
using Routing.Server.Tests.Api;

namespace Routing.Server.Tests.Web;

/// <summary>With authentication on, the page's event stream needs a supervisor's or admin's token, sent in the header.</summary>
[Collection(AuthServerCollection.Name)]
public sealed class SupervisorStreamAuthTests(AuthServerFixture fixture)
{
    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(ApiRoles.Adapter, HttpStatusCode.Forbidden)]
    [InlineData(ApiRoles.Agent, HttpStatusCode.Forbidden)]
    [InlineData(ApiRoles.Supervisor, HttpStatusCode.OK)]
    [InlineData(ApiRoles.Admin, HttpStatusCode.OK)]
    public async Task The_stream_answers_by_the_role_of_the_token(string? role, HttpStatusCode expected)
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Server.HttpAddress) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/supervisor/stream");
        if (role is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AuthServerFixture.Token(role, role == ApiRoles.Agent ? "someone" : null));
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            Assert.Equal("event: stats", await reader.ReadLineAsync());
        }
    }

    [Fact]
    public async Task The_page_itself_holds_no_data_and_needs_no_token()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Server.HttpAddress) };
        var html = await http.GetStringAsync("/");
        Assert.Contains("supervisor/stream", html, StringComparison.Ordinal);
    }
}
