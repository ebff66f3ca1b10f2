namespace Routing.Core;

/// <summary>
/// What makes a set of linked menus valid: from every menu some key path reaches a route (no cycle without an exit),
/// and a caller who never presses anything is led to a route by the default keys instead of around a loop.
/// </summary>
public static class IvrGraphRules
{
    /// <summary>Most menus one center may have.</summary>
    public const int MaxMenus = 500;

    /// <summary>
    /// Most key presses from a menu to the deepest menu it reaches: callers hang up long before, and a bound keeps
    /// one save from walking an unbounded graph.
    /// </summary>
    public const int MaxDepth = 10;

    /// <summary>How many key presses the deepest menu reachable from <paramref name="rootId"/> is away, by the shortest way.</summary>
    public static int Depth(IReadOnlyDictionary<string, IvrMenu> menus, string rootId)
    {
        ArgumentNullException.ThrowIfNull(menus);
        var levels = new Dictionary<string, int>(StringComparer.Ordinal) { [rootId] = 0 };
        var pending = new Queue<string>([rootId]);
        var deepest = 0;
        while (pending.TryDequeue(out var id))
        {
            if (!menus.TryGetValue(id, out var menu))
            {
                continue;
            }

            foreach (var next in menu.Options.Select(o => o.SubmenuId).OfType<string>().Where(next => !levels.ContainsKey(next)))
            {
                levels[next] = levels[id] + 1;
                deepest = Math.Max(deepest, levels[next]);
                pending.Enqueue(next);
            }
        }

        return deepest;
    }

    /// <param name="menus">Every menu reachable from the one being saved, by id, including it.</param>
    /// <returns>The first problem found, or null.</returns>
    public static string? Validate(IReadOnlyDictionary<string, IvrMenu> menus)
    {
        ArgumentNullException.ThrowIfNull(menus);
        foreach (var (id, menu) in menus)
        {
            foreach (var option in menu.Options.Where(o => o.SubmenuId is not null && !menus.ContainsKey(o.SubmenuId)))
            {
                return $"menu '{id}' digit '{option.Digit}' leads to menu '{option.SubmenuId}', which does not exist";
            }
        }

        // Menus with a way out: those with a route, then those leading to one of them, until nothing changes.
        var exits = menus.Where(m => m.Value.Options.Any(o => o.Route is not null)).Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        bool grew;
        do
        {
            grew = false;
            foreach (var (id, menu) in menus.Where(m => !exits.Contains(m.Key)))
            {
                if (menu.Options.Any(o => o.SubmenuId is { } next && exits.Contains(next)))
                {
                    exits.Add(id);
                    grew = true;
                }
            }
        }
        while (grew);

        var trapped = menus.Keys.Where(id => !exits.Contains(id)).Order(StringComparer.Ordinal).ToList();
        if (trapped.Count > 0)
        {
            return $"menus {string.Join(", ", trapped.Select(t => $"'{t}'"))} lead only to each other: a caller there can never reach a route";
        }

        foreach (var id in menus.Keys.Order(StringComparer.Ordinal))
        {
            var visited = new List<string>();
            var current = id;
            while (menus[current].Options.First(o => o.Digit == menus[current].DefaultDigit).SubmenuId is { } next)
            {
                visited.Add(current);
                if (visited.Contains(next))
                {
                    return $"the default keys loop through {string.Join(" -> ", visited.Append(next).Select(v => $"'{v}'"))}: a silent caller would never reach a route";
                }

                current = next;
            }
        }

        return null;
    }
}
