package io.quench;

import java.io.PrintStream;
import java.util.Arrays;

import io.quench.census.CensusCommand;
import io.quench.generator.GenerateCommand;

/**
 * The command-line tools in the jar: {@code java -jar quench.jar COMMAND ...}. They run
 * without Spring, so an operator can use them over SSH on the GWIA server.
 */
final class Commands {

	private Commands() {
	}

	static boolean isCommand(String[] args) {
		return args.length > 0 && !args[0].startsWith("-") && switch (args[0]) {
			case "help", "census", "generate" -> true;
			default -> false;
		};
	}

	static int run(String[] args) {
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		return switch (args[0]) {
			case "census" -> CensusCommand.run(rest, System.out, System.err);
			case "generate" -> GenerateCommand.run(rest, System.out, System.err);
			default -> usage(System.out, rest);
		};
	}

	private static int usage(PrintStream out, String[] ignored) {
		out.println("usage: java -jar quench.jar                 start the console");
		out.println("       java -jar quench.jar census [--json] [--by address|sender] DIR...");
		out.println("                                            count <EmailAddress> values (or senders)");
		out.println("                                            like the KB grep pipeline");
		out.println("       java -jar quench.jar generate --out DIR --messages N --days D --seed S");
		out.println("                        [--dialects a,b,c,d] [--end YYYY-MM-DD] [--zone Europe/Berlin]");
		out.println("                                            write a synthetic incident (queues, logs, manifest)");
		out.println("       java -jar quench.jar help            this text");
		return 0;
	}

}
