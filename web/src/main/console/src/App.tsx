import { useCallback, useEffect, useState } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Bullseye, Spinner } from '@patternfly/react-core';
import { api, setCsrfToken, whenSignedOut } from './api';
import { Layout } from './Layout';
import { Session, SessionContext } from './session';
import { SignIn } from './pages/SignIn';
import { Overview } from './pages/Overview';
import { Pairs } from './pages/Pairs';
import { PairDetail } from './pages/PairDetail';
import { VirtualServers } from './pages/VirtualServers';
import { VirtualServerForm } from './pages/VirtualServerForm';
import { VirtualClients } from './pages/VirtualClients';
import { VirtualClientForm } from './pages/VirtualClientForm';
import { Certificates } from './pages/Certificates';
import { CertificateDetail } from './pages/CertificateDetail';
import { TrustStores } from './pages/TrustStores';
import { Audit } from './pages/Audit';
import { CertificateWatch } from './pages/CertificateWatch';
import { Users } from './pages/Users';
import { NotFound } from './pages/NotFound';

export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);

  const adopt = useCallback((s: Session | null) => {
    setCsrfToken(s?.csrfToken ?? null);
    setSession(s);
  }, []);

  useEffect(() => {
    whenSignedOut(() => adopt(null));
    api<Session>('GET', 'session')
      .then((r) => adopt(r.data))
      .catch(() => adopt(null));
  }, [adopt]);

  const signOut = useCallback(async () => {
    try {
      await api('DELETE', 'session');
    } finally {
      adopt(null);
    }
  }, [adopt]);

  if (session === undefined) {
    return (
      <Bullseye>
        <Spinner aria-label="Loading" />
      </Bullseye>
    );
  }
  if (session === null) return <SignIn onSignedIn={adopt} />;
  return (
    <SessionContext.Provider value={{ session, signOut }}>
      <Layout>
        <Routes>
          <Route path="/" element={<Overview />} />
          <Route path="/pairs" element={<Pairs />} />
          <Route path="/pairs/:id" element={<PairDetail />} />
          <Route path="/virtual-servers" element={<VirtualServers />} />
          <Route path="/virtual-servers/new" element={<VirtualServerForm />} />
          <Route path="/virtual-servers/:id" element={<VirtualServerForm />} />
          <Route path="/certificate-watch" element={<CertificateWatch />} />
          <Route path="/virtual-clients" element={<VirtualClients />} />
          <Route path="/virtual-clients/new" element={<VirtualClientForm />} />
          <Route path="/virtual-clients/:id" element={<VirtualClientForm />} />
          <Route path="/certificates" element={<Certificates />} />
          <Route path="/certificates/:id" element={<CertificateDetail />} />
          <Route path="/trust-stores" element={<TrustStores />} />
          <Route path="/audit" element={<Audit />} />
          <Route path="/users" element={<Users />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Layout>
    </SessionContext.Provider>
  );
}
