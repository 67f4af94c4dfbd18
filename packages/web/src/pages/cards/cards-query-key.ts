/** The prefix of every card query: invalidating it refreshes the list and every card history. */
export const cardsQueryKey = ['cards'];
