from monev_cli.cli import main

main()
