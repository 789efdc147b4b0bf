using Tito;

// Program only wires the process to the app: the real console, stderr, and the library's activations.
return TitoApp.Run(args, TitoEnvironment.FromProcess());
