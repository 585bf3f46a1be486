"""Turn news articles about Russia's air war on Ukraine into tidy, traceable facts."""
