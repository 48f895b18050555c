import { createContext, useContext } from "react";

// The page's CSP nonce, set by entry.server.tsx for the server render. In the browser it is empty:
// browsers hide nonce attributes, and scripts added after hydration come from our own files.
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
