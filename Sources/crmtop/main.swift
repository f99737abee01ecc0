import CRMCLI
import Foundation

exit(CRMTop.run(arguments: Array(CommandLine.arguments.dropFirst())))
