namespace Routing.Cli;

/// <summary>The help text.</summary>
internal static class Usage
{
    public const string Text = """
        usage: Routing.Cli [--server URL] COMMAND [ARGS]
          --server URL   the router's gRPC address (default $ROUTING_SERVER, else http://127.0.0.1:50051)

        queues and supervisors
          queues                                list queues: id, name, channels, waiting
          stats QUEUE                           a queue's live statistics
          estimate QUEUE                        expected wait for a contact joining now

        agents
          agents                                list agents: queues (priority), capacity (! exclusive), skills
          agent AGENT                           an agent's status and assignments
          login AGENT | ready AGENT             become AVAILABLE
          break AGENT REASON                    become NOT_READY
          logout AGENT                          log out
          offers AGENT                          stream the agent's offers until Ctrl+C
          accept AGENT CONTACT                  accept an offer
          reject AGENT CONTACT [REASON]         reject an offer (the agent becomes NOT_READY)
          complete AGENT CONTACT [DISPOSITION]  end a connected contact; wrap-up follows
          end-wrap-up AGENT CONTACT             end wrap-up early
          transfer AGENT CONTACT [--queue Q] [--to-agent A]
                                                pass a connected contact on (it keeps its arrival time)

        contacts
          route QUEUE voice|chat|email [--customer ID] [--skill name=level ...] [--priority N] [--request-id ID]
                                                route a new contact: offered, queued or refused, and why
          watch CONTACT                         stream a contact's updates until it ends
          contact CONTACT                       a contact's current state
          cancel CONTACT                        the customer hung up or closed the chat
          feedback CONTACT [--csat 1-5] [--nps 0-10] [--comment TEXT]
                                                the customer's survey answer for a finished contact

        touch-tone menus and callbacks
          ivr SESSION [MENU] [--digits KEYS] [--timeout]
                                                press keys (or stay silent) in a call's menu session
          route-ivr SESSION [--customer ID] [--callback NUMBER]
                                                route the call where its menu session ended
          callback CONTACT NUMBER               a waiting caller takes a callback, keeping the place
        """;
}
