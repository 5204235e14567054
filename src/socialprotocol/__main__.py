from socialprotocol.cli.main import main

raise SystemExit(main())
